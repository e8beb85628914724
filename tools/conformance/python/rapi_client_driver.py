#!/usr/bin/python3
"""Drives Ganeti's own RAPI client (python3-ganeti-rapi) for the conformance suite.

Reads one JSON document on stdin:
  {"host": "127.0.0.1", "port": 5080, "username": "u", "password": "p",
   "cafile": "/path/to/rapi.pem" (optional: verify the server certificate),
   "calls": [{"method": "GetInstance", "args": ["x"], "kwargs": {}}, ...]}
and prints one JSON list on stdout, one entry per call, in order:
  {"ok": true, "value": <the method's return value>}
  {"ok": false, "error": {"type": "GanetiApiError", "code": 404, "message": "..."}}
Every call runs even when an earlier one fails.
"""
import json
import sys

from ganeti.rapi import client


def main():
  spec = json.load(sys.stdin)
  curl_config = None
  if spec.get("cafile"):
    # Verify the peer against the server's own self-signed certificate.
    curl_config = client.GenericCurlConfig(cafile=spec["cafile"])
  rapi = client.GanetiRapiClient(spec["host"], port=spec["port"],
                                 username=spec.get("username"),
                                 password=spec.get("password"),
                                 curl_config_fn=curl_config)
  results = []
  for call in spec["calls"]:
    try:
      value = getattr(rapi, call["method"])(*call.get("args", []),
                                            **call.get("kwargs", {}))
      results.append({"ok": True, "value": value})
    except client.GanetiApiError as err:
      results.append({"ok": False, "error": {"type": type(err).__name__,
                                             "code": err.code,
                                             "message": str(err)}})
    except Exception as err:  # pylint: disable=broad-except
      results.append({"ok": False, "error": {"type": type(err).__name__,
                                             "code": None,
                                             "message": str(err)}})
  json.dump(results, sys.stdout)
  sys.stdout.write("\n")


if __name__ == "__main__":
  main()
