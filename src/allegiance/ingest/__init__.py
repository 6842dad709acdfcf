"""Ingest stage: files, folders, feeds, WARCs and URLs in; clean article Documents out."""

from .clean import ExtractedArticle, extract_article, normalize_whitespace, strip_furniture
from .errors import FetchError, InputError, UnsafeURLError
from .fetch import FetchResult, check_url_allowed, fetch_url
from .lang import not_english_reason
from .readers import (
    decode_bytes,
    html_article,
    normalize_date,
    read_bytes,
    read_inputs,
    read_path,
    read_urls,
    record_article,
    text_article,
)

__all__ = [
    "ExtractedArticle", "FetchError", "FetchResult", "InputError", "UnsafeURLError",
    "check_url_allowed", "decode_bytes", "extract_article", "fetch_url", "html_article",
    "normalize_date", "normalize_whitespace", "not_english_reason", "read_bytes",
    "read_inputs", "read_path", "read_urls", "record_article", "strip_furniture",
    "text_article",
]
