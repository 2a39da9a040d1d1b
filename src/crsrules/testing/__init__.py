"""Helpers for testing code that uses crsrules (needs the ``testing`` extra for Hypothesis)."""
