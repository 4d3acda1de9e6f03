"""Token caches a provider shares with other providers, processes or hosts.

A provider keeps its token in its own memory (``_internal/schedule.py``); given a cache, it also
looks there before it fetches, and writes there what it fetched, under a lock that makes one
fetch serve every process sharing the cache. One concept per module: the interface and its
entries (``interface``), the key an entry is stored under (``identity``), and the caches
themselves: ``memory`` (the providers of one process), ``file`` (the processes of one host) and
``redis`` (a fleet of hosts, the ``[redis]`` extra). Each is imported when first used: the
package re-exports them lazily, and importing a provider imports no lock nor Redis library.
"""

__all__ = ()
