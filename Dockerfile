# Viewer image: the dashboard with the registry baked in (mount data/ over it to update).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

WORKDIR /app
# Chart images (vl-convert) need a font with every Vietnamese letter; media-types gives
# /etc/mime.types, from which the static files get their types (.atom: application/atom+xml).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core media-types \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY indicators/ indicators/
COPY dashboard/ dashboard/
COPY .streamlit/ .streamlit/
COPY schemas/ schemas/
COPY data/ data/

# Files stay owned by root: the app user can read the registry but not change it.
RUN useradd --create-home --uid 10001 app \
    && mkdir -p dashboard/static && chown app dashboard/static  # the data files, rebuilt when the data changes
USER app

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]
CMD ["python", "-m", "streamlit", "run", "dashboard/app.py", "--server.port=8501", "--server.address=0.0.0.0"]
