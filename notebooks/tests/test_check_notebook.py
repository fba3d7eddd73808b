"""The notebook checker passes the committed notebook and catches what it is meant to catch."""
import json
import unittest
from pathlib import Path

from check_notebook import Manifest, check

NOTEBOOK = Path(__file__).resolve().parents[1] / "costwise_experiment.ipynb"


def notebook_of(*sources, outputs=None):
    cells = [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": outputs or [], "source": source}
        for source in sources
    ]
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


V2_TRAINING = """
from sagemaker.estimator import Estimator
from sagemaker.inputs import TrainingInput
estimator = Estimator(image_uri="uri", role="role", instance_count=1, instance_type="ml.m5.large",
                      output_path="s3://b/p", metric_definitions=[], hyperparameters={})
estimator.fit({"train": TrainingInput("s3://b/train", content_type="text/csv")}, wait=False)
predictor = estimator.deploy(initial_instance_count=1, instance_type="ml.m5.large")
predictor.delete_endpoint()
"""


class CheckNotebookTest(unittest.TestCase):
    manifest = Manifest.load()

    def test_the_committed_notebook_passes(self):
        self.assertEqual([], check(json.loads(NOTEBOOK.read_text()), self.manifest))

    def test_v2_usage_passes(self):
        self.assertEqual([], check(notebook_of(V2_TRAINING), self.manifest))

    def test_v1_estimator_arguments_are_caught(self):
        v1 = """
from sagemaker.estimator import Estimator
estimator = Estimator(image_name="uri", role="role", train_instance_count=1, train_instance_type="ml.m5.large")
"""
        problems = check(notebook_of(v1), self.manifest)
        self.assertEqual(3, len(problems), problems)
        for name in ("image_name", "train_instance_count", "train_instance_type"):
            self.assertTrue(any(name in p for p in problems), (name, problems))

    def test_v1_imports_are_caught(self):
        problems = check(notebook_of("from sagemaker import s3_input\n"), self.manifest)
        self.assertEqual(1, len(problems), problems)
        self.assertIn("s3_input", problems[0])

    def test_unknown_keywords_and_methods_are_caught_through_variables(self):
        source = V2_TRAINING + """
for name, e in {"a": estimator}.items():
    pass
estimators = {}
estimators["a"] = Estimator(image_uri="uri", role="role", instance_count=1, instance_type="t")
for name, e in estimators.items():
    e.fit(inputz={})
estimators["a"].deploy_now()
predictor.predict("1,2", custom_attributez="threshold=0.3")
"""
        problems = check(notebook_of(source), self.manifest)
        self.assertEqual(3, len(problems), problems)
        self.assertIn("no keyword inputz", problems[0])
        self.assertIn("no attribute deploy_now", problems[1])
        self.assertIn("no keyword custom_attributez", problems[2])

    def test_uncleared_outputs_and_syntax_errors_are_caught(self):
        problems = check(
            notebook_of("x = 1\n", "def broken(:\n", outputs=[{"output_type": "stream", "text": "1"}]),
            self.manifest,
        )
        self.assertIn("cell 0: outputs are not cleared", problems)
        self.assertTrue(any(p.startswith("cell 1, line 1:") for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
