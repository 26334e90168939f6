"""The reference for the throughput benchmark: a Flask hello-world under the same gunicorn."""
from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "hello"
