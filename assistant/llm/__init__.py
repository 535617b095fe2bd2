"""Language-model backends behind one narrow interface (`base.Backend.generate`).

    registry.backend_from_settings(settings)  # OpenAI-compatible adapter when an endpoint is set, else offline
    offline.OfflineDrafter                     # deterministic templates; default and fallback
    openai_compat.OpenAICompatBackend          # langchain-openai ChatOpenAI, any OpenAI-compatible base URL
    fake.FakeBackend                           # scripted test backend
    prompts.load_prompt(task)                  # prompts/*.md with declared variables

Importing this package is cheap: LangChain and the OpenAI SDK load only when the adapter is used.
"""
