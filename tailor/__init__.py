"""tailor: offline, explainable resume checking and tailoring for care-manager jobs."""
