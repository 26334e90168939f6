"""Real-browser tests: Playwright on Debian Chromium against a live server."""
