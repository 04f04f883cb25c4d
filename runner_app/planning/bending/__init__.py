"""Bending planned sessions by the coach's guidance: what was planned beside what is now asked, and why."""
