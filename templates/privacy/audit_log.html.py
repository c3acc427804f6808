BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB
BBBB BBBB BBBBBBBBBBBBBBBBB
BBBBB BBBBBBBBBBBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB
BBBBB BBBBBBBBBBBB
    XX XXXXXXXXXXXXXXXXX XXXXXXXXXXX
         gettext(u'Who read confidential notes or exported personal data, and when. The log never holds what was read or exported.') 
    XXXX
    XXXXX XXXXXXXXXXXX XXXXXXXXXXXXXXXXXXXXXX XXXXXXXXXXX
        XXX XXXXXXXXXXXXXXX
            BBB BBBBB BB BBBB
                XXXXBBBBBBBBBBBBBB BBBBBXXXXX
            BBBBBB
            XXXXXXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXX gettext(u'Show') XXXXXXXXXXXXXX
        XXXXX
    XXXXXXX
    XXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXXXX XXXXXXX XXXXXXXXX gettext(u'Download as CSV') XXXXXXXX
    BB BBBB
        XXXXXX XXXXXXXXXXXXXXXX
            XXXXXXXX XXXXXXXXXXXXXXXXXX gettext(u'Audit log: when, who, kind, action and the records concerned') XXXXXXXXXX
            XXXXXXX
                XXXX
                    XXX XXXXXXXXXXXX gettext(u'When') XXXXX
                    XXX XXXXXXXXXXXX gettext(u'Who') XXXXX
                    XXX XXXXXXXXXXXX gettext(u'Kind') XXXXX
                    XXX XXXXXXXXXXXX gettext(u'Action') XXXXX
                    XXX XXXXXXXXXXXX gettext(u'Records') XXXXX
                    XXX XXXXXXXXXXXX gettext(u'Record number') XXXXX
                XXXXX
            XXXXXXXX
            XXXXXXX
                BBB BBB BB BBBB
                    XXXX
                        XXX XXXXXXXXXXXXXXXXXXXXXXFFFFFFFFFFFFFFFFFFFFFFFFFFFFXXXXX
                        XXXXFFFFFFFFFFFXXXXX
                        XXXXXXXXX
                        XXXXXXXXXXXXXXXXXXXXXX
                        XXXXXXXXXXXXXXXXXXXXXX
                        XXXXFFFFFFFFFFFXXXXX
                    XXXXX
                BBBBBB
            XXXXXXXX
        XXXXXXXX
        BB BBBBBBBBBBBBBBBBBBBBBBBB
            XXXX XXXXXXXXXXXX gettext(u'Pages of the audit log') X XXXXXXXXXXXXXXXXXXXXXXX
                BB BBBBBBBBBBBBBBBBBBBBBXX XXXXXXXBB BBBBBXXXXXBBBBBXXXX gettext(u'Newer') XXXXBBBBB
                XXXXXX gettext(u'Page %(number)s of %(pages)s') SSSS SSSSSSSSSS SS SSSSSSSSSXXXXXXX
                BB BBBBBBBBBBBBBBBBBXX XXXXXXXBB BBBBBXXXXXBBBBBXXXX gettext(u'Older') XXXXBBBBB
            XXXXXX
        BBBBB
    BBBB
        XXX gettext(u'No entries.') XXXX
    BBBBB
BBBBBBBB
