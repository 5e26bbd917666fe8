"""Datasets: poison domains, probes, benign tasks, eval questions, and their file formats."""
