"""Benchmarks that print figures (never timed assertions in tests).

Each ``bench/<name>.py`` has a ``main()``; ``python -m bench`` runs them all,
``python -m bench.<name>`` one.
"""
