"""Benchmarks: each figure is a ratio against the bare library doing the same work."""
