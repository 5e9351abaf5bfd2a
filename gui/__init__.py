"""GateLab's Qt user interface: one widget per module, fed by core snapshots."""
