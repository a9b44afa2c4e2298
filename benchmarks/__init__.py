"""Benchmarks, run by hand: see README.md beside this file."""
