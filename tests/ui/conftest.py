"""The console fixtures (opened, window, french) live in tests/conftest.py."""
