import pytest


@pytest.fixture
def council_dir(tmp_path):
    from tests.workforce.council_files import small_council, write_folder

    return write_folder(tmp_path / "council", small_council())
