"""Learner accounts: registration with e-mail confirmation, login, password reset and the
profile. One account serves the portal, the e-School and the catalog."""
