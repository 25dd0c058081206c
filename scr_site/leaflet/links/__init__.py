"""Checking the guidance links: `fetch` opens a public web address safely, `checker` records what it found."""
