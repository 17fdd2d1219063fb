"""The 附件库 blob store: checking, storing and serving uploaded files."""
