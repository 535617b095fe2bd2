"""Retrieval: the knowledge base as passages, indexed in Chroma (dense) and BM25 (lexical).

    chunking    knowledge → passages with stable ids and filter metadata (pure)
    embedders   Embedder protocol + registry: model2vec, minilm, hash, openai
    store       the only code touching chromadb (PersistentClient / HttpClient, registered EF)
    bm25        code-preserving tokenizer + bm25s index
    query       abbreviation expansion (CTS, POC, HHA, PTA...)
    fusion      weighted reciprocal-rank fusion, code routing
    index       versioned build + pointer file + fcntl lock; rebuild on knowledge change
    retriever   `Retriever.search/build/status`
    lc          the same retriever as a LangChain BaseRetriever

Nothing heavy is imported here: chromadb, bm25s and the models load on first use.
"""
