import os
import stat

from workers.edges.signing import KEY_FILE, load_key, sign, verify
from workers.models import Drop


def test_key_is_made_once_owner_only_and_read_back_the_same(tmp_path):
    key = load_key(tmp_path)
    assert len(key) == 32
    assert stat.S_IMODE(os.stat(tmp_path / KEY_FILE).st_mode) == 0o600
    assert load_key(tmp_path) == key


def test_signed_drop_verifies_after_a_json_round_trip():
    key = os.urandom(32)
    drop = sign(Drop(filename="a page.txt", size_bytes=12, sha256="ab" * 32), key)
    again = Drop.model_validate(drop.model_dump(mode="json"))
    assert verify(again, key)


def test_unsigned_forged_or_altered_drops_do_not_verify():
    key = os.urandom(32)
    assert not verify(Drop(filename="x.txt"), key)
    assert not verify(sign(Drop(filename="x.txt"), os.urandom(32)), key)
    drop = sign(Drop(filename="x.txt"), key)
    assert not verify(drop.model_copy(update={"drop_id": "0123456789abcdef0123"}), key)
    assert not verify(drop.model_copy(update={"filename": "y.txt"}), key)
