"""Real-browser tests (JupyterLab in headless Chromium). A package, so its conftest does not shadow tests/conftest.py."""
