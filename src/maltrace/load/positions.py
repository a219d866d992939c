"""The keys under which the YAML reader records where each mapping and each of its keys stood
(the models read them into ``line`` and ``key_lines``). Apart from the reader, so that a model
can be unpickled without loading YAML."""

LINE = "__line__"
KEYS = "__keys__"
