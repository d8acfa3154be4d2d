"""Stage 2 — assessment: the competency model, campaigns, answers, expert ratings, results.

Floors, from the ground up (tests/assessment/test_layout.py keeps them):
- models/, a file per feature, re-exported as assessment.models; scoring.py, the pure rules;
- access.py, the app's one policy, over the models;
- the features: framework/ (the competency model, instruments, the question bank),
  participation/ (self-assessment, 360° feedback, the test) and results/ (scores, the report,
  the talent review); experts/ (panels and calibration) above results, which a complete panel
  recomputes; campaigns/ on top, which runs all of them;
- the wiring: urls.py, admin.py, apps.py.

The models stay on the ground floor instead of inside the features: access.py reads the models
of several features and every feature's pages ask access.py, so models inside the features would
tie each feature and the policy in a circle.
"""
