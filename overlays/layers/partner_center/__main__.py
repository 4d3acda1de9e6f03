"""``python -m partner_center_auth``: the ``partner-center-auth`` command."""

import sys

from ._cli import main

sys.exit(main())
