"""Schemathesis hooks for Duban's contract run (loaded through SCHEMATHESIS_HOOKS=duban_checks).

`duban_positive_data_acceptance` is schemathesis' own positive_data_acceptance, except for a 400
(or 422) problem whose `code` is a rule no schema can express (a deadline in the past, a phase a
report names that the template lacks, an Idempotency-Key already holding another request ...):
those codes come from the domain's catalogue (REJECTION_CODES without `form`) and the API's
state-bound refusals, passed in DUBAN_SEMANTIC_CODES. Every other 400 to a
schema-valid request (the API's own validation, `request.invalid`, or a form rule the domain
re-checks) still fails the run. Each such refusal's code is appended to DUBAN_REFUSALS_PATH, so
the test can report them.
"""

import json
import os

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

SEMANTIC_CODES = frozenset(json.loads(os.environ.get("DUBAN_SEMANTIC_CODES", "[]")))
REFUSALS_PATH = os.environ.get("DUBAN_REFUSALS_PATH")


def _problem_code(response):
    try:
        body = json.loads(response.content)
    except (ValueError, TypeError):
        return None
    return body.get("code") if isinstance(body, dict) else None


@schemathesis.check
def duban_positive_data_acceptance(ctx, response, case):
    """Schema-valid requests are accepted, unless a domain rule the schema cannot express refuses them."""
    if response.status_code in (400, 422) and case.meta is not None and case.meta.generation.mode.is_positive:
        code = _problem_code(response)
        if code in SEMANTIC_CODES:
            if REFUSALS_PATH:
                with open(REFUSALS_PATH, "a", encoding="utf-8") as refusals:
                    refusals.write(f"{case.operation.label}\t{code}\n")
            return None
    return positive_data_acceptance(ctx, response, case)

