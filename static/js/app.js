// Progressive enhancement entry point.
