#!/bin/bash
# Whole-screen dumps of the client list at 80x24 and at 120x40 (text and attributes), written out
# here in full: the larger terminal gets more rows and a wider name column, the key bar spaced
# wider; the title line carries the title's colour on every screen (list, help, form, detail,
# dialogs) and reverse bold without colours; the help screen's title and first line fit the
# screen it was opened from.
. "$(dirname "$0")/lib.sh"

cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger with 40 clients"

screen '<dump>'
expected=$(cat <<'END'
 cartera — Distribuidora Andina S.A.S.                                   Clients
Filter:                                                               1–19 of 40
Name ▲                          Tax id           Phone                   Balance
Adriana Giraldo Moya            38684003-5       608 638 4617       7.194.860,30
Agropecuaria Acosta de Colombi… 901981389-6      601 596 9855       1.990.572,69
Alejandro Garzón Peña           38647721-8                                  0,00
Alimentos Jaramillo             11911997-7       608 670 0929         942.169,97
Almacén Jaramillo Asociados S.… 901550986-4      601 413 6783       1.329.427,67
Álvaro Solano Guerrero          68244920-6       604 827 9134      19.207.976,33
Asesorías La Sabana de Colombi… 906505564-7      605 700 9591          -2.044,16
Autopartes La Sabana Asociados… 908358232-3      605 807 3850       4.094.197,90
Café Continental Ltda.          902015213-1      601 537 5965          -7.070,69
Cafetería Aurora                29927362-6       601 802 0466       5.838.486,31
Calzado La Familia S.A.S.       909965254-2      605 417 3709      12.372.966,50
Camila García Solano            61449232-2       608 662 7076       1.595.155,85
Centro Médico Acosta Ltda.      900740881-1      601 289 9618        -506.277,71
Cerrajería La Primavera & Cía.… 903749746-7      601 485 7556          -6.400,94
Comercializadora Las Acacias y… 901030009-2      601 728 8726       1.984.405,72
Droguería La Rebaja S.A.        908735757-5      608 546 6416      17.450.186,07
Édgar Sarmiento Uribe           51999616-1       604 759 4274       5.350.247,39
Editorial La Luna Asociados S.… 908586456-3      606 325 5102          -6.635,83
Eléctricos Rápidos del Norte S… 905163781-6      602 978 9841               0,00

F1 Help Enter Open F2 New F4 Edit F6 Sort F10 Quit F3 Find F5 Import F7 Export
END
)
assert_eq "$expected" "$(text 1)" "80x24: the whole list screen"
expected=$(cat <<'END'
11111111111111111111111111111111111111111111111111111111111111111111111111111111

UUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUU
RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR



















22      22222      22     22      22      222      22      22        22
END
)
assert_eq "$expected" "$(attrs 1)" "80x24: its attributes (title, header, selected row, key names)"

screen '<dump>' --size 120x40
expected=$(cat <<'END'
 cartera — Distribuidora Andina S.A.S.                                                                           Clients
Filter:                                                                                                       1–35 of 40
Name ▲                                                                  Tax id           Phone                   Balance
Adriana Giraldo Moya                                                    38684003-5       608 638 4617       7.194.860,30
Agropecuaria Acosta de Colombia S.A.S.                                  901981389-6      601 596 9855       1.990.572,69
Alejandro Garzón Peña                                                   38647721-8                                  0,00
Alimentos Jaramillo                                                     11911997-7       608 670 0929         942.169,97
Almacén Jaramillo Asociados S.A.S.                                      901550986-4      601 413 6783       1.329.427,67
Álvaro Solano Guerrero                                                  68244920-6       604 827 9134      19.207.976,33
Asesorías La Sabana de Colombia S.A.S.                                  906505564-7      605 700 9591          -2.044,16
Autopartes La Sabana Asociados S.A.S.                                   908358232-3      605 807 3850       4.094.197,90
Café Continental Ltda.                                                  902015213-1      601 537 5965          -7.070,69
Cafetería Aurora                                                        29927362-6       601 802 0466       5.838.486,31
Calzado La Familia S.A.S.                                               909965254-2      605 417 3709      12.372.966,50
Camila García Solano                                                    61449232-2       608 662 7076       1.595.155,85
Centro Médico Acosta Ltda.                                              900740881-1      601 289 9618        -506.277,71
Cerrajería La Primavera & Cía. S.A.S.                                   903749746-7      601 485 7556          -6.400,94
Comercializadora Las Acacias y Compañía Ltda.                           901030009-2      601 728 8726       1.984.405,72
Droguería La Rebaja S.A.                                                908735757-5      608 546 6416      17.450.186,07
Édgar Sarmiento Uribe                                                   51999616-1       604 759 4274       5.350.247,39
Editorial La Luna Asociados S.A.S.                                      908586456-3      606 325 5102          -6.635,83
Eléctricos Rápidos del Norte S.A.S.                                     905163781-6      602 978 9841               0,00
Frutería El Roble                                                       44464600-0       605 807 3657      77.089.206,19
Granero del Caribe                                                      24462659-2       601 459 4391       6.968.710,85
Importadora La Primavera y Compañía Ltda.                               902649031-7      601 886 9977       2.311.624,95
Inversiones Mejía & Cía. S.A.S.                                         905516771-9      604 853 3488       1.423.244,81
Juan Carlos Rincón Giraldo                                              33624142-6                          6.984.365,61
Julián Herrera Vega                                                     72273384-6       601 832 7782      17.614.182,51
Ladrillera Henao S.A.                                                   903105213-1      602 592 8541       3.232.157,72
Lavandería Henao Hermanos S.A.S.                                        904032975-2      606 570 6766       1.357.653,37
Licorera La Luna de Colombia S.A.S.                                     903936454-3      601 576 6781        -498.632,10
Litografía Jaramillo de Colombia S.A.S.                                 900078954-1      601 516 0856               0,00
Luisa Fernanda Hernández Ruiz                                           44757039-6       601 368 4940       3.675.159,17
Maderas El Buen Precio Hermanos S.A.S.                                  906784795-7      604 308 1965       8.635.159,05
Marisol Mejía Correa                                                    92343425-3       605 483 9952               0,00
Miscelánea Centenario S.A.S.                                            907004682-1      607 751 6134       4.429.163,80
Panadería Boyacense Hermanos S.A.S.                                     902557669-1      604 324 8566      13.851.222,65
Panificadora Piedra Blanca Ltda.                                        902498944-7      601 739 4381         -16.862,99

F1 Help  Enter Open  F2 New  F4 Edit  F6 Sort  F10 Quit  F3 Find  F5 Import  F7 Export  F9 Statement
END
)
assert_eq "$expected" "$(text 1)" "120x40: the whole list screen"
expected=$(cat <<'END'
111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111

UUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUU
RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR



































22       22222       22      22       22       222       22       22         22         22
END
)
assert_eq "$expected" "$(attrs 1)" "120x40: its attributes"

# the title line's attribute on every screen
T80=$(printf '1%.0s' {1..80})
screen '<F1><dump><Esc><Enter><dump><Esc><F2><dump><F1><dump><Esc><Esc><F3><dump><Esc><F7><dump>'
for n in 1 2 3 4 5 6; do
	assert_eq "$T80" "$(attrs $n | row "$(cat)" 1)" "the title in the title colour (dump $n)"
done
NO_COLOR=1 screen '<F2><dump><F1><dump>'
assert_match "$(attrs 1 | row "$(cat)" 1)" '^r{80}$' "NO_COLOR: the form's title reverse bold"
assert_match "$(attrs 2 | row "$(cat)" 1)" '^r{80}$' "NO_COLOR: the help's title reverse bold"

# the help opened from the form: titled with the company, its first line about the form
screen '<F2><F1><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Distribuidora Andina S\.A\.S\. +Help: Client form$' \
	"the form's help: the company, then the screen"
assert_eq "Keys of this form (letters and digits type into the field):" "$(row "$S" 2)" \
	"its first line speaks of the form, not of a filter"
assert_match "$S" '^ C-u +empty the field' "C-u listed"
assert_not_contains "$S" "filter" "nothing about a filter on the form's help"
screen '<F1><dump>'
assert_eq "Letters and digits type into the filter; commands are F-keys and Alt-letters:" "$(text 1 | row "$(cat)" 2)" \
	"the list's help keeps its line about the filter"
assert_match "$(text 1)" '^ F3 Alt-g +find a client' "the list's help lists F3 Alt-g"
assert_match "$(text 1)" '^ F5 Alt-i +import clients from a CSV file' "the list's help lists F5 Alt-i"
assert_match "$(text 1)" '^ F7 Alt-x +export every client' "the list's help lists F7 x"

done_testing
