"""The datasets benchmarks/evaluate.py scores, one module each, and what they share."""
