"""``python -m pca_generator``: the same as the ``pca-generator`` command."""

from ._cli import main

main()
