"""The public register of certificates: numbers unique across regions, verification."""
