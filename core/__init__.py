"""GateLab's training core: pure NumPy and the standard library, never Qt."""
