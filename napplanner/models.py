# No models of its own; the module exists so that Django sends this app the post_migrate
# signal that keeps the role groups in step with the permissions (see apps.py).
