# Production image: gunicorn serves the site; the same image runs the Celery worker and beat.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

# gettext provides msgfmt for `manage.py compilemessages`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, in their own layer, so a source change does not reinstall them.
# Every package at the version and hashes of the lock file.
COPY requirements/base.lock ./requirements/
RUN pip install --no-cache-dir --require-hashes -r requirements/base.lock

# setuptools needs the package folders to build, so the source comes before the install.
# The code runs from /app (PYTHONPATH), where the seed, templates and static files live;
# the installed wheel holds only the Python modules.
COPY . .
RUN pip install --no-cache-dir --no-deps . \
    && rm -rf build *.egg-info

# The Arabic interface needs the compiled catalogue (locale/*.mo is not in git).
# CompressedManifestStaticFilesStorage needs DEBUG off, and settings need a SECRET_KEY;
# this random one exists only for the build and is not kept in the image's environment.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" DEBUG=0 \
    sh -c 'python manage.py compilemessages -v0 && python manage.py collectstatic --noinput'

RUN useradd --system --no-log-init --create-home --uid 10001 app
USER app

EXPOSE 8000

CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
