"""Views of the recruitment: the public call and results, the applicant's pages, the organiser's desk."""
