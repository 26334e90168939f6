# recours: the same steps as the README's `make serve`, in a container.
FROM python:3.11-slim-bookworm

# WeasyPrint's libraries and the Noto fonts (Arabic, Ethiopic, Cyrillic) for PDFs.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-dejavu-core shared-mime-info \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/recours
COPY pyproject.toml README.md babel.cfg ./
COPY app ./app
COPY letter_templates ./letter_templates
COPY locales ./locales
RUN pip install --no-cache-dir . \
 && python -m babel.messages.frontend compile -d /usr/local/lib/python3.11/site-packages/app/locales -D messages \
 && useradd --system --uid 10001 --no-create-home recours

USER 10001
ENV PYTHONUNBUFFERED=1 RECOURS_COOKIE_SECURE=1
EXPOSE 8000
# RECOURS_SECRET_KEY must be set at run time (docker run -e RECOURS_SECRET_KEY=...).
CMD ["gunicorn", "--workers", "2", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--access-logformat", "\"%(m)s %(U)s\" %(s)s %(B)s %(L)s", "app:create_app()"]
