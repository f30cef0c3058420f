// PostgreSQL backend (issue 9).
enum _RegioPostgresPlaceholder {}
