"""Language-model backends behind one narrow interface (`base.Backend.generate`).

    registry.backend_from_settings(settings)  # OpenAI-compatible adapter when an endpoint is set, else offline
    openai_compat.OpenAICompatBackend          # langchain-openai ChatOpenAI, any OpenAI-compatible base URL
    fake.FakeBackend                           # scripted test backend
    prompts.load_prompt(task)                  # prompts/*.md with declared variables

The `offline` backend (deterministic templates; default and fallback) belongs to drafting
(`assistant.drafting.offline`), which registers it here; this package never imports drafting.
Importing this package is cheap: LangChain and the OpenAI SDK load only when the adapter is used.
"""
