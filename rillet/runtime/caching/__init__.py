"""``st.cache_data`` and ``st.cache_resource``: caching function results across reruns.

The public names re-exported here are what ``rillet/__init__.py`` wires into
``st.*``; the submodules hold the parts (hashing, storage, the two caches).
"""

from __future__ import annotations

from rillet.runtime.caching.cache_data import (
    CacheDataAPI,
    DataCache,
    UnserializableReturnValueError,
    cache_data,
)
from rillet.runtime.caching.cache_resource import CacheResourceAPI, ResourceCache, cache_resource
from rillet.runtime.caching.cached_function import CacheDecorator, CachedFunc, SpinnerHook
from rillet.runtime.caching.hashing import HashFuncs, UnhashableParamError, UnhashableTypeError
from rillet.runtime.caching.ttl import parse_ttl

__all__ = [
    "CacheDataAPI",
    "CacheDecorator",
    "CacheResourceAPI",
    "CachedFunc",
    "DataCache",
    "HashFuncs",
    "ResourceCache",
    "SpinnerHook",
    "UnhashableParamError",
    "UnhashableTypeError",
    "UnserializableReturnValueError",
    "cache_data",
    "cache_resource",
    "parse_ttl",
]
