"""Media storage and the renditions cache: local files by default, an S3-compatible bucket
when AWS_STORAGE_BUCKET_NAME is set (django-storages), image renditions looked up in their
own cache alias.

The round trip (marked s3) runs against whatever endpoint AWS_S3_ENDPOINT_URL names; in CI
that is `.ci/with-s3`, i.e. moto's server mode, an S3 API emulator for tests, not Amazon
S3. It shows that boto3 and django-storages really write, read and sign URLs over HTTP;
it does not show how a particular provider behaves."""

import io
import os

import factory
import pytest
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from PIL import Image
from storages.backends.s3 import S3Storage

from portal.models import CustomImage
from portal.settings.base import cache_settings
from tests.factories.portal import CustomImageFactory
from tests.ops.conftest import get, needs_env, settings_from_env

S3_NAMES = [
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_S3_CUSTOM_DOMAIN",
    "AWS_LOCATION",
    "AWS_QUERYSTRING_AUTH",
]


def picture(color, width=400, height=300, filename="kooperacja.png"):
    return factory.django.ImageField(width=width, height=height, color=color, filename=filename)


def is_red(pixel):
    # Resizing may move a channel by a step or two.
    red, green, blue = pixel
    return red > 240 and green < 16 and blue < 16


def test_local_files_by_default(monkeypatch, settings):
    made = settings_from_env(monkeypatch, clear=S3_NAMES)
    settings.STORAGES = made["STORAGES"]
    assert isinstance(storages["default"], FileSystemStorage)


def test_bucket_and_endpoint_from_the_environment(monkeypatch, settings):
    made = settings_from_env(
        monkeypatch,
        clear=S3_NAMES,
        AWS_STORAGE_BUCKET_NAME="kooperacja-media",
        AWS_S3_ENDPOINT_URL="https://s3.waw.example.net",
        AWS_S3_REGION_NAME="waw",
        AWS_S3_ADDRESSING_STYLE="path",
    )
    settings.STORAGES = made["STORAGES"]
    storage = CustomImage._meta.get_field("file").storage
    assert isinstance(storages["default"], S3Storage)
    assert storage.bucket_name == "kooperacja-media"
    assert storage.endpoint_url == "https://s3.waw.example.net"
    assert storage.region_name == "waw"
    assert storage.addressing_style == "path"
    assert storage.location == "media"
    assert storage.querystring_auth is True
    assert storage.file_overwrite is False
    # Static files stay with the project (WhiteNoise), whatever the media storage.
    assert made["STORAGES"]["staticfiles"] == {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }


def test_public_bucket_behind_a_custom_domain(monkeypatch, settings):
    made = settings_from_env(
        monkeypatch,
        clear=S3_NAMES,
        AWS_STORAGE_BUCKET_NAME="kooperacja-media",
        AWS_S3_CUSTOM_DOMAIN="media.kooperacja.example.org",
        AWS_QUERYSTRING_AUTH="0",
    )
    settings.STORAGES = made["STORAGES"]
    # No network: the URL of a public object is made from the settings alone.
    url = storages["default"].url("original_images/plan.png")
    assert url == "https://media.kooperacja.example.org/media/original_images/plan.png"


def test_renditions_are_kept_in_their_own_cache(db, settings, django_assert_num_queries):
    settings.CACHES = cache_settings("")
    image = CustomImageFactory(file=picture("blue"))
    made = image.get_rendition("fill-40x30")
    key = made.get_cache_key()
    assert caches["renditions"].get(key) is not None
    assert caches["default"].get(key) is None
    # A later request (a fresh image object) finds it without asking the database.
    fresh = CustomImage.objects.get(pk=image.pk)
    with django_assert_num_queries(0):
        again = fresh.get_rendition("fill-40x30")
    assert again.pk == made.pk
    assert again.url == made.url


@pytest.fixture
def s3_media(monkeypatch, settings):
    """The media settings base.py makes from the environment (.ci/with-s3 sets it), the
    bucket made when the endpoint has none yet; the objects written are removed after."""
    endpoint = needs_env("AWS_S3_ENDPOINT_URL", ".ci/with-s3")
    needs_env("AWS_STORAGE_BUCKET_NAME", ".ci/with-s3")
    settings.STORAGES = settings_from_env(monkeypatch)["STORAGES"]
    storage = storages["default"]
    assert isinstance(storage, S3Storage)
    assert storage.endpoint_url == endpoint
    s3 = storage.connection.meta.client
    if storage.bucket_name not in [b["Name"] for b in s3.list_buckets()["Buckets"]]:
        s3.create_bucket(Bucket=storage.bucket_name)
    written = []
    yield storage, s3, written
    for key in written:
        s3.delete_object(Bucket=storage.bucket_name, Key=key)


@pytest.mark.s3
def test_an_image_and_its_rendition_round_trip(s3_media, db, settings):
    storage, s3, written = s3_media
    settings.CACHES = cache_settings(os.environ.get("REDIS_URL", ""))
    image = CustomImageFactory(file=picture("red"))
    original_key = f"media/{image.file.name}"
    written.append(original_key)
    stored = s3.get_object(Bucket=storage.bucket_name, Key=original_key)["Body"].read()
    with Image.open(io.BytesIO(stored)) as original:
        assert original.size == (400, 300)
    assert image.get_file_size() == len(stored)

    rendition = image.get_rendition("fill-100x50")
    rendition_key = f"media/{rendition.file.name}"
    written.append(rendition_key)
    body = s3.get_object(Bucket=storage.bucket_name, Key=rendition_key)["Body"].read()
    with Image.open(io.BytesIO(body)) as made:
        assert made.size == (100, 50)
        assert is_red(made.convert("RGB").getpixel((50, 25)))

    # The address a page gets: the endpoint's, signed, and it serves the same bytes.
    assert rendition.url.startswith(os.environ["AWS_S3_ENDPOINT_URL"])
    assert "Signature=" in rendition.url or "X-Amz-Signature=" in rendition.url
    status, _headers, served = get(rendition.url)
    assert status == 200
    assert served == body

    # The next lookup comes from the renditions cache, the file is not made again.
    fresh = CustomImage.objects.get(pk=image.pk)
    assert fresh.get_rendition("fill-100x50").pk == rendition.pk

    # A second upload under the same name gets its own object.
    other = CustomImageFactory(file=picture("green"))
    written.append(f"media/{other.file.name}")
    assert other.file.name != image.file.name
    first_again = s3.get_object(Bucket=storage.bucket_name, Key=original_key)["Body"].read()
    with Image.open(io.BytesIO(first_again)) as kept:
        assert is_red(kept.convert("RGB").getpixel((0, 0)))
