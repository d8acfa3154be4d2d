"""The participant's side: «Моя оценка», self-assessment, 360° feedback, the knowledge test."""
