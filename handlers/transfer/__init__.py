"""Files in and out: importing customers, exporting the archive to Excel."""
