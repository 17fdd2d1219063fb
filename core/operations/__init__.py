"""What operators need beside the pages: health probes and per-region backups."""
