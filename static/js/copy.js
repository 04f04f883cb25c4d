// Copy buttons beside private links and tokens: the text goes to the clipboard, and the button says so.

export function wireCopy() {
  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    button.addEventListener("click", async () => {
      const text = document.querySelector(button.dataset.copy)?.textContent.trim() || "";
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Select and copy it";  // no clipboard here (an old browser, or no permission)
      }
    });
  }
}
