"""The admin's machinery: shared admin classes and views. admin.py only registers models with them."""
