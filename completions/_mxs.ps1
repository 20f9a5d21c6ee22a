
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mxs' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mxs'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mxs' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Client sessions: list, show, summarise, watch, running queries, kill, restart, alter')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script of a shell on stdout')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'The interactive session view: `mxs sessions watch` under a short name')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate shell completions or man pages')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'maxctrl''s `list sessions` and `list queries`')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'maxctrl''s `show session ID` and `show sessions`')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'maxctrl''s `destroy session ID`')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'maxctrl''s `reload session ID` and `reload sessions`')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'maxctrl''s `alter session ID KEY=VALUE...` and `alter session-filters ID [FILTER...]`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;sessions' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, one row each, sorted by id')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List sessions, one row each, sorted by id')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show everything about one or more sessions')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Count sessions, memory and idle time per group')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'The session list refreshed in place: an interactive view on a terminal (also `mxs top`)')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'The statements running now, longest first (maxctrl''s list queries)')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Kill sessions: DELETE /v1/sessions/ID (MaxScale 22.08 or later)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart sessions (new backend connections): POST /v1/sessions/ID/restart (22.08 or later)')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a session''s log levels or filters: PATCH /v1/sessions/ID (6.0 or later)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'What MaxScale logged about sessions, alive or ended (MaxScale 6.0 or later)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;sessions;list' {
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns to print, in order (comma-separated)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every INTERVAL until interrupted (same as `sessions watch`) [default: 2s]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Print every column')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;ls' {
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns to print, in order (comma-separated)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every INTERVAL until interrupted (same as `sessions watch`) [default: 2s]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Print every column')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;show' {
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every session (GET /v1/sessions), as maxctrl''s show sessions')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Add what MaxScale logged about each session (its last 20 lines; 6.0 or later)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;summary' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Group by these (comma-separated or repeated): user, host, service, backend, state, maxscale')
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;watch' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N refreshes (default: until interrupted)')
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns to print, in order (comma-separated)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Print every column')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;queries' {
            [CompletionResult]::new('--min-duration', '--min-duration', [CompletionResultType]::ParameterName, 'Only statements running at least this long: 5s, 2m, 1h')
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns to print, in order [default: id,user,host,service,query_age,running]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Print every column')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;kill' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Kill after this long instead of now: 30s, 5m, or whole seconds')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Act on at most N of the matched sessions (lowest ids first)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;restart' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Act on at most N of the matched sessions (lowest ids first)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Restart every session of every host (POST /v1/sessions/restart), after confirmation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;alter' {
            [CompletionResult]::new('--filters', '--filters', [CompletionResultType]::ParameterName, 'Set the session''s filters (comma-separated names; empty removes them all)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Act on at most N of the matched sessions (lowest ids first)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;log' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only lines this recent: a duration back from now (30m, 2h) or a UTC time (2026-12-07 03:50, 2026-12-07T03:50:00Z) [default: the session''s connection time when it is alive, else 1h]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only lines up to this UTC time (2026-12-07 03:55)')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Only these priorities (comma-separated): emerg, alert, crit, error, warning, notice, info, debug')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'Print at most the newest N lines of each host [default: 1000]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --follow: how often to read the newest lines [default: 2s]')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Lines asked for per request (each costs MaxScale a read of its whole log file) [default: 1000]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing the sessions'' new lines as MaxScale writes them, until interrupted')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing the sessions'' new lines as MaxScale writes them, until interrupted')
            [CompletionResult]::new('--until-closed', '--until-closed', [CompletionResultType]::ParameterName, 'With --follow: stop once every session has ended and its last lines are printed')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;sessions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, one row each, sorted by id')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show everything about one or more sessions')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Count sessions, memory and idle time per group')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'The session list refreshed in place: an interactive view on a terminal (also `mxs top`)')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'The statements running now, longest first (maxctrl''s list queries)')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Kill sessions: DELETE /v1/sessions/ID (MaxScale 22.08 or later)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart sessions (new backend connections): POST /v1/sessions/ID/restart (22.08 or later)')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a session''s log levels or filters: PATCH /v1/sessions/ID (6.0 or later)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'What MaxScale logged about sessions, alive or ended (MaxScale 6.0 or later)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;sessions;help;list' {
            break
        }
        'mxs;sessions;help;show' {
            break
        }
        'mxs;sessions;help;summary' {
            break
        }
        'mxs;sessions;help;watch' {
            break
        }
        'mxs;sessions;help;queries' {
            break
        }
        'mxs;sessions;help;kill' {
            break
        }
        'mxs;sessions;help;restart' {
            break
        }
        'mxs;sessions;help;alter' {
            break
        }
        'mxs;sessions;help;log' {
            break
        }
        'mxs;sessions;help;help' {
            break
        }
        'mxs;completions' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;top' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after N refreshes (default: until interrupted)')
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns to print, in order (comma-separated)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Print every column')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;generate' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (mxs.1 and one page per subcommand) into DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;generate;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every shell''s script into DIR instead (mxs.bash, _mxs, mxs.fish, mxs.elv, _mxs.ps1)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;generate;man' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;generate;help' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (mxs.1 and one page per subcommand) into DIR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;generate;help;completions' {
            break
        }
        'mxs;generate;help;man' {
            break
        }
        'mxs;generate;help;help' {
            break
        }
        'mxs;list' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions list')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'mxs sessions queries')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;list;sessions' {
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns to print, in order (comma-separated)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every INTERVAL until interrupted (same as `sessions watch`) [default: 2s]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Print every column')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;list;queries' {
            [CompletionResult]::new('--min-duration', '--min-duration', [CompletionResultType]::ParameterName, 'Only statements running at least this long: 5s, 2m, 1h')
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N sessions (after filtering and sorting)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Table columns to print, in order [default: id,user,host,service,query_age,running]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Print every column')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;list;help' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions list')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'mxs sessions queries')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;list;help;sessions' {
            break
        }
        'mxs;list;help;queries' {
            break
        }
        'mxs;list;help;help' {
            break
        }
        'mxs;show' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions show ID...')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions show --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;show;session' {
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Show every session (GET /v1/sessions), as maxctrl''s show sessions')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'Add what MaxScale logged about each session (its last 20 lines; 6.0 or later)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;show;sessions' {
            [CompletionResult]::new('--rdns', '--rdns', [CompletionResultType]::ParameterName, 'Resolve client addresses to host names: client (default) or server')
            [CompletionResult]::new('--rdns-timeout', '--rdns-timeout', [CompletionResultType]::ParameterName, 'Deadline of one lookup [default: 2s]')
            [CompletionResult]::new('--rdns-deadline', '--rdns-deadline', [CompletionResultType]::ParameterName, 'Deadline of the whole resolution [default: 5s]')
            [CompletionResult]::new('--rdns-concurrency', '--rdns-concurrency', [CompletionResultType]::ParameterName, 'Lookups in flight at once [default: 64]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--no-rdns-cache', '--no-rdns-cache', [CompletionResultType]::ParameterName, 'Do not read or write the reverse-DNS cache file')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;show;help' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions show ID...')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions show --all')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;show;help;session' {
            break
        }
        'mxs;show;help;sessions' {
            break
        }
        'mxs;show;help;help' {
            break
        }
        'mxs;destroy' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions kill ID... [--ttl SECONDS]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;destroy;session' {
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'Kill after this long instead of now: 30s, 5m, or whole seconds')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Act on at most N of the matched sessions (lowest ids first)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;destroy;help' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions kill ID... [--ttl SECONDS]')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;destroy;help;session' {
            break
        }
        'mxs;destroy;help;help' {
            break
        }
        'mxs;reload' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions restart ID...')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions restart --all (confirmed first, as in mxs; --yes in scripts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;reload;session' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Act on at most N of the matched sessions (lowest ids first)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Restart every session of every host (POST /v1/sessions/restart), after confirmation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;reload;sessions' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask first (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask first (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;reload;help' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions restart ID...')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions restart --all (confirmed first, as in mxs; --yes in scripts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;reload;help;session' {
            break
        }
        'mxs;reload;help;sessions' {
            break
        }
        'mxs;reload;help;help' {
            break
        }
        'mxs;alter' {
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions alter ID KEY=VALUE...')
            [CompletionResult]::new('session-filters', 'session-filters', [CompletionResultType]::ParameterValue, 'mxs sessions alter ID --filters NAMES (no names removes every filter)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;alter;session' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Act on at most N of the matched sessions (lowest ids first)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;alter;session-filters' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Act on at most N of the matched sessions (lowest ids first)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Admin API user [default: admin]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Admin API password [default: mariadb]')
            [CompletionResult]::new('--tls-ca-cert', '--tls-ca-cert', [CompletionResultType]::ParameterName, 'CA certificate (PEM) to verify the server with, instead of the system''s roots')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Client certificate (PEM) to present when the server asks for one')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'Private key (PEM) of --tls-cert')
            [CompletionResult]::new('--tls-verify-server-cert', '--tls-verify-server-cert', [CompletionResultType]::ParameterName, 'Verify the server''s certificate [default: true]')
            [CompletionResult]::new('--server-utc-offset', '--server-utc-offset', [CompletionResultType]::ParameterName, 'The servers'' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]')
            [CompletionResult]::new('--max-response-size', '--max-response-size', [CompletionResultType]::ParameterName, 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (maxctrl''s INI format) [default: ~/.maxctrl.cnf when it exists]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table, whether or not stdout is a terminal]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting on a selection (needed off a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be done and send no write request')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of standard input')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--secure', '--secure', [CompletionResultType]::ParameterName, 'Use HTTPS for endpoints given without a scheme')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Shorthand for --output json')
            [CompletionResult]::new('--tsv', '--tsv', [CompletionResultType]::ParameterName, 'Shorthand for --output tsv')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Print a header row in TSV output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mxs;alter;help' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions alter ID KEY=VALUE...')
            [CompletionResult]::new('session-filters', 'session-filters', [CompletionResultType]::ParameterValue, 'mxs sessions alter ID --filters NAMES (no names removes every filter)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;alter;help;session' {
            break
        }
        'mxs;alter;help;session-filters' {
            break
        }
        'mxs;alter;help;help' {
            break
        }
        'mxs;help' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'Client sessions: list, show, summarise, watch, running queries, kill, restart, alter')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script of a shell on stdout')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'The interactive session view: `mxs sessions watch` under a short name')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate shell completions or man pages')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'maxctrl''s `list sessions` and `list queries`')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'maxctrl''s `show session ID` and `show sessions`')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'maxctrl''s `destroy session ID`')
            [CompletionResult]::new('reload', 'reload', [CompletionResultType]::ParameterValue, 'maxctrl''s `reload session ID` and `reload sessions`')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'maxctrl''s `alter session ID KEY=VALUE...` and `alter session-filters ID [FILTER...]`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mxs;help;sessions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions, one row each, sorted by id')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show everything about one or more sessions')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Count sessions, memory and idle time per group')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'The session list refreshed in place: an interactive view on a terminal (also `mxs top`)')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'The statements running now, longest first (maxctrl''s list queries)')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'Kill sessions: DELETE /v1/sessions/ID (MaxScale 22.08 or later)')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart sessions (new backend connections): POST /v1/sessions/ID/restart (22.08 or later)')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a session''s log levels or filters: PATCH /v1/sessions/ID (6.0 or later)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'What MaxScale logged about sessions, alive or ended (MaxScale 6.0 or later)')
            break
        }
        'mxs;help;sessions;list' {
            break
        }
        'mxs;help;sessions;show' {
            break
        }
        'mxs;help;sessions;summary' {
            break
        }
        'mxs;help;sessions;watch' {
            break
        }
        'mxs;help;sessions;queries' {
            break
        }
        'mxs;help;sessions;kill' {
            break
        }
        'mxs;help;sessions;restart' {
            break
        }
        'mxs;help;sessions;alter' {
            break
        }
        'mxs;help;sessions;log' {
            break
        }
        'mxs;help;completions' {
            break
        }
        'mxs;help;top' {
            break
        }
        'mxs;help;generate' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages (mxs.1 and one page per subcommand) into DIR')
            break
        }
        'mxs;help;generate;completions' {
            break
        }
        'mxs;help;generate;man' {
            break
        }
        'mxs;help;list' {
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions list')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'mxs sessions queries')
            break
        }
        'mxs;help;list;sessions' {
            break
        }
        'mxs;help;list;queries' {
            break
        }
        'mxs;help;show' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions show ID...')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions show --all')
            break
        }
        'mxs;help;show;session' {
            break
        }
        'mxs;help;show;sessions' {
            break
        }
        'mxs;help;destroy' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions kill ID... [--ttl SECONDS]')
            break
        }
        'mxs;help;destroy;session' {
            break
        }
        'mxs;help;reload' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions restart ID...')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'mxs sessions restart --all (confirmed first, as in mxs; --yes in scripts)')
            break
        }
        'mxs;help;reload;session' {
            break
        }
        'mxs;help;reload;sessions' {
            break
        }
        'mxs;help;alter' {
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'mxs sessions alter ID KEY=VALUE...')
            [CompletionResult]::new('session-filters', 'session-filters', [CompletionResultType]::ParameterValue, 'mxs sessions alter ID --filters NAMES (no names removes every filter)')
            break
        }
        'mxs;help;alter;session' {
            break
        }
        'mxs;help;alter;session-filters' {
            break
        }
        'mxs;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
