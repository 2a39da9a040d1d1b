"""Hypothesis profiles: ``dev`` (quick, the default) and ``ci`` (more examples, the default when CI is set).

HYPOTHESIS_PROFILE picks one explicitly.
"""

import os

from hypothesis import HealthCheck, settings

# Generating a dated candidate takes a while; on a slow or busy machine that is not a failure.
settings.register_profile("dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
