"""The running service: Celery app and tasks, embedded broker, the `up` supervisor, dashboards."""
