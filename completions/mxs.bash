# bash completion for mxs: the words typed go to mxs itself
# (COMPLETE=bash mxs -- WORDS), which answers with commands, flags and values, the hosts'
# session ids among them.
_mxs() {
    local IFS=$'\013'
    local line=${COMP_LINE:0:COMP_POINT} pos=0 i w glued
    local -a words=()
    for ((i = 0; i <= COMP_CWORD; i++)); do
        glued=1
        while [[ ${line:pos:1} == [[:space:]] ]]; do
            glued=0
            ((pos++))
        done
        if ((i == COMP_CWORD)); then
            w=${line:pos}
        else
            w=${COMP_WORDS[i]}
        fi
        if ((i == 0 || glued == 0)); then
            words+=("$w")
        else
            words[${#words[@]}-1]+=$w
        fi
        ((pos += ${#w}))
    done
    local cur=${words[${#words[@]}-1]}
    local kept=
    [[ $cur == *"$2" ]] && kept=${cur%"$2"}
    local reply
    reply=$(_CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX="$((${#words[@]} - 1))" \
        _CLAP_COMPLETE_COMP_TYPE="${COMP_TYPE-9}" \
        _CLAP_COMPLETE_SPACE=true \
        COMPLETE=bash mxs -- "${words[@]}" 2>/dev/null) || return 0
    local -a answers=()
    [[ -n $reply ]] && read -r -d '' -a answers < <(printf '%s' "$reply")
    COMPREPLY=()
    local r
    for r in "${answers[@]}"; do
        COMPREPLY+=("${r#"$kept"}")
    done
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}
if [[ ${BASH_VERSINFO[0]} -eq 4 && ${BASH_VERSINFO[1]} -ge 4 || ${BASH_VERSINFO[0]} -gt 4 ]]; then
    complete -o nosort -F _mxs mxs
else
    complete -F _mxs mxs
fi
