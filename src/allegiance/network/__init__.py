"""The alliance network: coded events as a signed, weighted, windowed actor graph."""

from .config import NetworkConfig
from .stage import analysis_network, network_payload, payload_script_json, run_network

__all__ = ["NetworkConfig", "analysis_network", "network_payload", "payload_script_json",
           "run_network"]
