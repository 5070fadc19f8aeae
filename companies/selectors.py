"""Reads of companies, people and products."""
